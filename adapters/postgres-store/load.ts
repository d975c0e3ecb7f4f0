/**
 * Loads an optional peer dependency when the store is opened, not when the module is imported, so that a user of
 * the other engine does not need it; its absence is an Error naming the package to install.
 */
export async function loadPeer<T>(name: string, load: () => Promise<T>, usedFor: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new Error(`${usedFor} needs the package "${name}", which is not installed: npm install ${name}`, { cause: error });
    }
    throw error;
  }
}
