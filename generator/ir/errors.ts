/**
 * Error classes: one per distinct error body schema (a component, an inline schema by its
 * pointer) or, for body-less responses, one per status; shared by every operation that uses it.
 */
import { childPointer, isObject, str, type BuildContext, type Located } from './context';
import { pickMedia } from './media';
import type { IrErrorClass, IrErrorClassOrigin, IrName, IrResponse } from './types';

interface Entry {
  readonly className: IrName;
  readonly schema?: IrResponse['schema'];
  readonly description?: string;
  readonly usedBy: { operationId?: string; methodName: IrName; status: string }[];
}

export class ErrorClasses {
  private readonly byKey = new Map<string, Entry>();
  private readonly list: Entry[] = [];

  constructor(private readonly ctx: BuildContext) {}

  /** The class for `status` of an operation (created on first use, in document order). */
  classFor(
    status: string,
    resolved: Located,
    response: IrResponse,
    operation: { readonly operationId: string | undefined; readonly methodName: IrName },
  ): IrName {
    const { key, origin } = this.originOf(status, resolved, operation.methodName);
    let entry = this.byKey.get(key);
    if (!entry) {
      entry = {
        className: this.ctx.names.request({ role: 'errorClass', ...origin }, this.ctx.names.types),
        ...(response.schema ? { schema: response.schema } : {}),
        ...(response.description !== undefined ? { description: response.description } : {}),
        usedBy: [],
      };
      this.byKey.set(key, entry);
      this.list.push(entry);
    }
    entry.usedBy.push({ ...(operation.operationId !== undefined ? { operationId: operation.operationId } : {}), methodName: operation.methodName, status });
    return entry.className;
  }

  /** What makes two uses the same class, and what the class is named from. */
  private originOf(status: string, resolved: Located, operation: IrName): { key: string; origin: IrErrorClassOrigin } {
    const media = pickMedia(resolved.node['content']);
    const rawSchema = media && isObject(media.node['schema']) ? media.node['schema'] : undefined;
    const ref = rawSchema ? str(rawSchema['$ref']) : undefined;
    if (ref?.startsWith('#/components/schemas/')) {
      return { key: ref, origin: { from: 'component', key: ref.slice('#/components/schemas/'.length) } };
    }
    if (rawSchema && media) {
      const key = childPointer(resolved.pointer, 'content', media.mediaType, 'schema');
      const responseComponent = /^#\/components\/responses\/([^/]+)$/.exec(resolved.pointer);
      return responseComponent
        ? { key, origin: { from: 'response', responseName: responseComponent[1] ?? '' } }
        : { key, origin: { from: 'inline', operation, status } };
    }
    // No body: one class per status, shared (`NotFoundException`).
    return { key: `status:${status}`, origin: { from: 'status', status } };
  }

  all(): IrErrorClass[] {
    return this.list.map((e) => ({
      className: e.className,
      ...(e.schema ? { schema: e.schema } : {}),
      ...(e.description !== undefined ? { description: e.description } : {}),
      usedBy: e.usedBy,
    }));
  }
}
