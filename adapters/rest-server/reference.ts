/** The parts of an OpenAPI 3.1 document the reference page shows. */
interface Document {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, PathOperation> | undefined>;
}

interface PathOperation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

function schemaBlock(schema: unknown): string {
  return `<pre><code>${escape(JSON.stringify(schema, null, 2))}</code></pre>`;
}

function operationSection(path: string, method: string, operation: PathOperation): string {
  const anchor = escape(operation.operationId ?? `${method}-${path}`);
  const parameters = operation.parameters ?? [];
  const rows = parameters
    .map((parameter) => `<tr><td><code>${escape(parameter.name)}</code></td><td>${escape(parameter.in)}</td><td>${parameter.required ? 'yes' : 'no'}</td><td><code>${escape(JSON.stringify(parameter.schema ?? {}))}</code></td></tr>`)
    .join('');
  const body = operation.requestBody?.content?.['application/json']?.schema;
  const responses = Object.entries(operation.responses ?? {})
    .map(([status, response]) => {
      const [type, content] = Object.entries(response.content ?? {})[0] ?? [];
      return `<h4>${escape(status)} ${escape(response.description ?? '')}${type ? ` <small>${escape(type)}</small>` : ''}</h4>${content?.schema ? schemaBlock(content.schema) : ''}`;
    })
    .join('');
  return `<section id="${anchor}">
<h3><span class="method ${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h3>
<p>${escape(operation.summary ?? '')} <small><code>${escape(operation.operationId ?? '')}</code></small></p>
${rows ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Required</th><th>Schema</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
${body ? `<h4>Request body <small>application/json</small></h4>${schemaBlock(body)}` : ''}
${responses}
</section>`;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:0;display:flex;color:#1d2430}
nav{width:16rem;height:100vh;overflow:auto;position:sticky;top:0;padding:1rem;background:#f4f6f8;box-sizing:border-box;flex:none}
nav a{display:block;color:inherit;text-decoration:none;font-size:13px;padding:1px 0}nav h2{font-size:13px;text-transform:uppercase;margin:1rem 0 .25rem}
main{padding:1rem 2rem;max-width:60rem;min-width:0}section{border-top:1px solid #dde2e8;padding:.5rem 0}
pre{background:#f4f6f8;padding:.5rem;overflow:auto;max-height:24rem;font-size:12px}table{border-collapse:collapse;font-size:13px}
td,th{border:1px solid #dde2e8;padding:2px 6px;text-align:left}.method{font:bold 12px monospace;padding:2px 6px;border-radius:3px;background:#dde2e8}
.get{background:#d6ecff}.post{background:#d9f2dc}.patch,.put{background:#fff1cc}.delete{background:#ffd9d6}`;

/**
 * The API reference as one self-contained HTML page, generated from the OpenAPI document: every operation by group,
 * with its parameters, request and response schemas. Nothing is fetched from elsewhere.
 */
export function referencePage(document: Document): string {
  const byTag = new Map<string, string[]>();
  const links = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(methods ?? {})) {
      const tag = operation.tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationSection(path, method, operation)]);
      const anchor = escape(operation.operationId ?? `${method}-${path}`);
      links.set(tag, [...(links.get(tag) ?? []), `<a href="#${anchor}">${escape(method.toUpperCase())} ${escape(path)}</a>`]);
    }
  }
  const nav = [...links].map(([tag, items]) => `<h2>${escape(tag)}</h2>${items.join('')}`).join('');
  const sections = [...byTag].map(([tag, items]) => `<h2 id="tag-${escape(tag)}">${escape(tag)}</h2>${items.join('\n')}`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(document.info.title)} ${escape(document.info.version)}</title><style>${STYLE}</style></head>
<body><nav><strong>${escape(document.info.title)}</strong><br><a href="openapi.json">openapi.json</a>${nav}</nav>
<main><h1>${escape(document.info.title)} <small>${escape(document.info.version)}</small></h1>
<p>${escape(document.info.description ?? '')}</p>
${sections}</main></body></html>`;
}
