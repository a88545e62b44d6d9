# #APTIC back-office: one image for the API, socket.io and the built console.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY admin/package.json admin/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY prisma prisma
COPY server server
COPY admin admin
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/server/package.json server/
COPY --from=build /app/admin/package.json admin/
RUN npm ci --omit=dev --no-audit --no-fund --workspace server --include-workspace-root
COPY --from=build /app/prisma prisma
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/admin/dist admin/dist
EXPOSE 3000
USER node
CMD ["node", "server/dist/main.js"]
