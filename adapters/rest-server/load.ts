/** The packages the REST server runs on, loaded on first use: they are optional peers of pbx-sms. */
export interface HonoModules {
  OpenAPIHono: typeof import('@hono/zod-openapi').OpenAPIHono;
  createRoute: typeof import('@hono/zod-openapi').createRoute;
  HTTPException: typeof import('hono/http-exception').HTTPException;
  bodyLimit: typeof import('hono/body-limit').bodyLimit;
  cors: typeof import('hono/cors').cors;
}

const PACKAGES = 'hono @hono/zod-openapi @hono/node-server';

function importHono(): Promise<HonoModules> {
  return Promise.all([
    import('@hono/zod-openapi'),
    import('hono/http-exception'),
    import('hono/body-limit'),
    import('hono/cors'),
  ]).then(([openapi, exception, limit, cors]) => ({
    OpenAPIHono: openapi.OpenAPIHono,
    createRoute: openapi.createRoute,
    HTTPException: exception.HTTPException,
    bodyLimit: limit.bodyLimit,
    cors: cors.cors,
  }));
}

/** Whether an import failed because the package is not installed. */
function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

function missing(cause: unknown): Error {
  return new Error(`pbx-sms/adapters/rest-server needs the packages ${PACKAGES}: run \`npm install ${PACKAGES}\`.`, { cause });
}

/** Loads hono and its middleware, or fails naming the packages to install. */
export async function loadHono(): Promise<HonoModules> {
  try {
    return await importHono();
  } catch (error) {
    throw isMissing(error) ? missing(error) : error;
  }
}

/** Loads `@hono/node-server`'s `serve`, or fails naming the packages to install. */
export async function loadNodeServer(): Promise<typeof import('@hono/node-server')['serve']> {
  try {
    return (await import('@hono/node-server')).serve;
  } catch (error) {
    throw isMissing(error) ? missing(error) : error;
  }
}
