const utf8 = new TextDecoder('utf-8');

/**
 * The article's bytes as text. First honest version: UTF-8 with replacement characters;
 * the hardening issue adds binary detection and Windows-1252 / Latin-1 fallback.
 *
 * @example
 * decodeText(new TextEncoder().encode('café')) // 'café'
 */
export function decodeText(content: string | Uint8Array): string {
  const text = typeof content === 'string' ? content : utf8.decode(content);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
