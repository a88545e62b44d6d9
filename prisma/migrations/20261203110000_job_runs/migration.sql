-- Job path: one row per run of a long job (name + key unique across instances), with its step,
-- cursor and progress committed chunk by chunk so a crashed run resumes where it stopped.
CREATE TYPE "JobRunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "status" "JobRunStatus" NOT NULL DEFAULT 'RUNNING',
    "step" TEXT,
    "cursor" TEXT,
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "counts" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,
    "startedById" TEXT,
    "startedByName" TEXT NOT NULL,
    "owner" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- One run per job and key, whichever instance triggers it.
CREATE UNIQUE INDEX "JobRun_name_key_key" ON "JobRun"("name", "key");

CREATE INDEX "JobRun_startedAt_idx" ON "JobRun"("startedAt");
