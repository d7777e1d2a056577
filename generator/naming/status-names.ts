/** Reason phrases, as words for the names of error classes of body-less responses (`404` → `NotFound…`). */
export const STATUS_NAMES: Readonly<Record<string, string>> = {
  '400': 'BadRequest', '401': 'Unauthorized', '402': 'PaymentRequired', '403': 'Forbidden',
  '404': 'NotFound', '405': 'MethodNotAllowed', '406': 'NotAcceptable', '408': 'RequestTimeout',
  '409': 'Conflict', '410': 'Gone', '411': 'LengthRequired', '412': 'PreconditionFailed',
  '413': 'PayloadTooLarge', '415': 'UnsupportedMediaType', '422': 'UnprocessableEntity',
  '423': 'Locked', '428': 'PreconditionRequired', '429': 'TooManyRequests',
  '500': 'InternalServerError', '501': 'NotImplemented', '502': 'BadGateway',
  '503': 'ServiceUnavailable', '504': 'GatewayTimeout', '4XX': 'ClientError', '5XX': 'ServerError',
  default: 'UnexpectedResponse',
};

/** Words naming a status: its reason phrase, else `Status<code>`. */
export function statusWords(status: string): string {
  return STATUS_NAMES[status] ?? `Status${status}`;
}
