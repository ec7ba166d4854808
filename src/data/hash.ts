/**
 * A content fingerprint of a data file's text, computed the same way by the build (which records
 * it in the compiled manifest) and by the page (which compares it with what it fetched). It tells
 * whether the file the page got is the file the build validated: a copy of dist/ edited by hand,
 * or a data folder swapped under a built site, no longer matches and is validated in the page.
 * Not a security boundary (whoever can edit the files can edit the manifest), hence a fast
 * 53-bit hash (cyrb53) rather than SHA-256, which crypto.subtle offers only on secure origins
 * and an intranet site served over plain http is not one.
 */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${text.length.toString(36)}-${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}
