import type { NativeExport } from './export';
import { TAGS_VARIABLE } from '../lib/codebook';
import { CODEBOOK_NS, codeElements, element, ORIGIN, variableGuid, XML_DECLARATION } from './refi-qda';

/**
 * The codebook as a REFI-QDA codebook (.qdc, Codebook.xsd): each variable a top-level code that
 * only groups, its codes nested (definitions and guidance in their Description). No times in
 * it, so the same codebook always gives the same file.
 */
export function toQdc(data: Pick<NativeExport, 'variables' | 'codebook'>): string {
  const codes = codeElements(data.variables ?? [], data.codebook);
  // Codes needs one Code at least: an empty codebook still writes its (empty) variable group.
  const body = codes || element('Code', { guid: variableGuid(TAGS_VARIABLE), name: TAGS_VARIABLE.name, isCodable: false });
  return `${XML_DECLARATION}<CodeBook xmlns="${CODEBOOK_NS}" origin="${ORIGIN}"><Codes>${body}</Codes></CodeBook>\n`;
}
