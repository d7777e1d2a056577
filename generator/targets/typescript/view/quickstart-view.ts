/**
 * View of `examples/quickstart.mjs`: a runnable script that builds the client from environment
 * variables, fetches a token (when the API uses client credentials), makes one call and prints
 * the result. The call is a read (`GET`) with the fewest required inputs, so running the example
 * never changes anything on the server by surprise.
 */
import type { Ir, IrOperation, IrService } from '../../../ir/types';
import type { TsContext } from './context';
import { envVarPrefix } from '../../../naming/env';
import { lineCommentText, tsString } from '../../../render/escape';
import { exampleCall } from './docs-view';
import type { ModelIndex } from './example';

function requiredInputs(op: IrOperation): number {
  return op.parameters.filter((p) => p.required).length + (op.requestBody?.required ? 1 : 0);
}

/** The operation the quickstart calls: a GET with the fewest required inputs, else the first one. */
function pickOperation(ir: Ir): { service: IrService; op: IrOperation } | undefined {
  const all = ir.services.flatMap((service) => service.operations.map((op) => ({ service, op })));
  const reads = all.filter(({ op }) => op.httpMethod === 'GET');
  const pool = reads.length > 0 ? reads : all;
  // Stable: the first of the candidates with the fewest required inputs, in document order.
  return pool.reduce<{ service: IrService; op: IrOperation } | undefined>(
    (best, c) => (best === undefined || requiredInputs(c.op) < requiredInputs(best.op) ? c : best),
    undefined,
  );
}

/** Context (under `quickstart`) of `examples/quickstart.mjs.hbs`. */
export function quickstartView(v: TsContext, models: ModelIndex): Record<string, unknown> {
  const prefix = envVarPrefix(v.settings.packageName);
  const picked = pickOperation(v.ir);
  const call = picked ? exampleCall(v, picked.service, picked.op, models) : '';
  return {
    packageLiteral: tsString(v.settings.packageName),
    clientIdVar: `${prefix}_CLIENT_ID`,
    clientSecretVar: `${prefix}_CLIENT_SECRET`,
    baseUrlVar: `${prefix}_BASE_URL`,
    hasCall: picked !== undefined,
    callComment: picked ? `// ${lineCommentText(`${picked.op.httpMethod} ${picked.op.path}`)}` : '',
    call,
    printsResult: call.startsWith('const result'),
  };
}
