/**
 * A recipient file sent with `onProgress`: the bytes the server has taken, told as they go. In a browser the file goes
 * by XMLHttpRequest, whose upload events count what was sent (a fetch of a body streamed through a counter would be
 * refused there over HTTP/1.1); elsewhere (Node) fetch reads it through a counter, with its `Content-Length` all the
 * same. Either way ky still makes the request: its timeout, retries and errors are the other requests'. In a browser
 * whose backend was given a `fetch` of its own, that fetch sends the file as it is, and the end alone is told.
 */
import type { Options } from 'ky';
import type { FileProgress } from '../../src/model/index.js';
import { progressTeller } from '../../src/recipients/progress.js';

/** What a file request carries instead of the bare file, so that its progress is told. */
export function withUploadProgress(file: Blob, onProgress: (progress: FileProgress) => void, fetcher: typeof fetch | undefined): Pick<Options, 'body' | 'fetch'> {
  const tell = progressTeller(file.size, onProgress);
  if (typeof XMLHttpRequest !== 'function') return { body: countedBlob(file, tell) as unknown as Blob, ...(fetcher ? { fetch: fetcher } : {}) };
  if (!fetcher) return { body: file, fetch: xhrFetch(file, tell) };
  // A browser fetch of the host's own sees the file as it is: its progress is told once the server has taken it all.
  return {
    body: file,
    fetch: async (input, init) => {
      const response = await fetcher(input, init);
      tell(file.size);
      return response;
    },
  };
}

/**
 * The file as fetch takes a Blob (a size, a type, a stream: Node's fetch sends its size as `Content-Length`), its
 * stream counted as fetch reads it.
 */
function countedBlob(file: Blob, tell: (bytes: number) => void) {
  return {
    size: file.size,
    type: file.type,
    stream() {
      let bytes = 0;
      return file.stream().pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          bytes += chunk.byteLength;
          controller.enqueue(chunk);
          tell(bytes);
        },
      }));
    },
    arrayBuffer: () => file.arrayBuffer(),
    [Symbol.toStringTag]: 'Blob',
  };
}

/** A fetch of one request by XMLHttpRequest, its body `file`, telling the bytes sent. */
function xhrFetch(file: Blob, tell: (bytes: number) => void): typeof fetch {
  return (input, init) => new Promise<Response>((resolve, reject) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const signal = request.signal;
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, request.url);
    xhr.responseType = 'blob';
    request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
    xhr.upload.onprogress = (event) => tell(event.loaded);
    xhr.onload = () => {
      signal.removeEventListener('abort', abort);
      const empty = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
      resolve(new Response(empty ? null : (xhr.response as Blob), { status: xhr.status, statusText: xhr.statusText, headers: headersOf(xhr.getAllResponseHeaders()) }));
    };
    xhr.onerror = () => {
      signal.removeEventListener('abort', abort);
      reject(new TypeError('The file could not be sent.'));
    };
    xhr.onabort = () => reject(signal.reason ?? new DOMException('The upload was aborted.', 'AbortError'));
    const abort = () => xhr.abort();
    signal.addEventListener('abort', abort, { once: true });
    xhr.send(file);
  });
}

/** The response headers XMLHttpRequest gives as text, one `name: value` per line. */
function headersOf(text: string): Headers {
  const headers = new Headers();
  for (const line of text.trim().split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}
