import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StatementPayment, StatementPdfLine, StatementSnapshot } from './statement.pdf';

/** A statement to render, as the worker receives it. */
export interface RenderRequest {
  id: number;
  snapshot: StatementSnapshot;
  lines: StatementPdfLine[];
  payout: StatementPayment | null;
}

export type RenderReply = { id: number; bytes: Uint8Array; error?: undefined } | { id: number; error: string; bytes?: undefined };

/**
 * Statement PDFs rendered off the server's event loop, in one worker thread started on first
 * use and kept (pdfmake and its fonts load once): the closing's « Relevés PDF » step and the
 * downloads both render here, so 2,000 PDFs leave the console responsive. One worker: the
 * database and the server keep the other cores. A worker that dies fails what it was rendering
 * and the next render starts a new one. Under ts-node or jest the worker loads the TypeScript
 * source through ts-node; built, it runs the compiled file.
 */
@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private readonly logger = new Logger('PdfRenderer');
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { worker: Worker; resolve: (bytes: Buffer) => void; reject: (error: Error) => void }>();
  private nextId = 1;

  statement(snapshot: StatementSnapshot, lines: StatementPdfLine[], payout: StatementPayment | null): Promise<Buffer> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      // Working, it keeps the process alive until it answers; idle, it does not.
      worker.ref();
      worker.postMessage({ id, snapshot, lines, payout } satisfies RenderRequest);
    });
  }

  /** Last of the shutdown: the job runner has finished its chunk in flight (beforeApplicationShutdown), renders included. */
  async onApplicationShutdown() {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const compiled = __filename.endsWith('.js');
    const file = path.join(__dirname, `pdf-render.worker.${compiled ? 'js' : 'ts'}`);
    const worker = new Worker(file, compiled ? {} : { execArgv: ['--require', 'ts-node/register/transpile-only'], env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, '..', '..', 'tsconfig.json') } });
    worker.on('message', (reply: RenderReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (![...this.pending.values()].some((p) => p.worker === worker)) worker.unref();
      if (reply.error !== undefined) waiting.reject(new Error(`rendu du PDF impossible : ${reply.error}`));
      else waiting.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
    });
    const lost = (why: string) => {
      if (this.worker === worker) this.worker = null;
      // Only what this worker was rendering: a replacement's renders go on.
      for (const [id, waiting] of this.pending) {
        if (waiting.worker !== worker) continue;
        this.pending.delete(id);
        waiting.reject(new Error(`rendu du PDF interrompu : ${why}`));
      }
    };
    worker.on('error', (error) => {
      this.logger.error({ message: 'PDF worker failed', error: error.stack ?? error.message });
      lost(error.message);
    });
    worker.on('exit', (code) => lost(`le rendu s’est arrêté (code ${code})`));
    this.worker = worker;
    return worker;
  }
}
