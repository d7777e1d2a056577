/** `swagger2openapi` ships no typings; `./swagger2.ts` describes the part of it sdkgen uses. */
declare module 'swagger2openapi' {
  const converter: unknown;
  export default converter;
}
