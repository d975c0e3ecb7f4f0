import { REST_BASE_PATH, type RestOperation, restOperations } from '../../src/ports/rest-operations.js';

/** True for an operation whose request body is a recipient file sent as it is (a `file` argument). */
export function sendsFile(operation: RestOperation): boolean {
  return operation.args.some((arg) => arg.in === 'file');
}

/** Patterns of the paths of the table's POSTs that `keep` picks, `{name}` segments matching any one segment. */
export function postPaths(keep: (operation: RestOperation) => boolean): RegExp[] {
  return restOperations()
    .filter(({ operation }) => operation.method === 'POST' && keep(operation))
    .map(({ operation }) => new RegExp(`^${REST_BASE_PATH}${operation.path.replace(/\{[^}]+\}/g, '[^/]+')}$`));
}
