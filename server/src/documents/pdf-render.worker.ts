/**
 * The PDF renderer's worker thread (pdf-renderer.ts): pdfmake lays a 500-line statement out in
 * about 150 ms of pure CPU, which in the server's own thread would stall every request and
 * socket meanwhile. Here it renders one document at a time and posts its bytes back.
 */
import { parentPort } from 'node:worker_threads';
import { renderStatement } from './statement.pdf';
import type { RenderRequest, RenderReply } from './pdf-renderer';

if (!parentPort) throw new Error('pdf-render.worker is a worker thread, not a program');
const port = parentPort;

port.on('message', (request: RenderRequest) => {
  void renderStatement(request.snapshot, request.lines, request.payout).then(
    (bytes) => {
      const reply: RenderReply = { id: request.id, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
      port.postMessage(reply);
    },
    (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply),
  );
});
