/** An instance of a Roblox model file: class, name, a script's source, children. */
export interface RobloxInstance {
  className: 'Folder' | 'ModuleScript' | 'Script' | 'LocalScript';
  name: string;
  source?: string;
  /** Scripts in the model are examples; they start disabled so dropping the model in runs nothing unasked. */
  disabled?: boolean;
  children?: RobloxInstance[];
}

/**
 * Characters XML 1.0 cannot hold at all, not even as character references (all but its Char
 * production): C0 controls other than tab, newline and carriage return, U+FFFE, U+FFFF and
 * lone surrogates.
 */
export const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text a model file can hold: what XML forbids is dropped (the Roblox target writes it as
 * JSON escapes in its data modules, so no pack text is lost).
 */
const xmlSafe = (text: string) => text.replace(XML_FORBIDDEN, '');
const escapeXml = (text: string) => xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** CDATA cannot hold "]]>"; it is split across two sections. */
const cdata = (text: string) => `<![CDATA[${xmlSafe(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/**
 * A Roblox XML model (.rbxmx, version 4) that Roblox Studio imports by drag and drop,
 * well-formed XML whatever the names and sources hold. Referents are numbered in tree
 * order, so the same instances give the same bytes.
 */
export function toRbxmx(root: RobloxInstance): string {
  let next = 0;
  const item = (instance: RobloxInstance, indent: string): string => {
    const properties = [`${indent}    <string name="Name">${escapeXml(instance.name)}</string>`];
    if (instance.source !== undefined)
      properties.push(`${indent}    <ProtectedString name="Source">${cdata(instance.source)}</ProtectedString>`);
    if (instance.disabled !== undefined) properties.push(`${indent}    <bool name="Disabled">${instance.disabled}</bool>`);
    const children = (instance.children ?? []).map((child) => item(child, `${indent}  `));
    return [
      `${indent}<Item class="${instance.className}" referent="RBX${next++}">`,
      `${indent}  <Properties>`,
      ...properties,
      `${indent}  </Properties>`,
      ...children,
      `${indent}</Item>`,
    ].join('\n');
  };
  return [
    '<roblox xmlns:xmime="http://www.w3.org/2005/05/xmlmime" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.roblox.com/roblox.xsd" version="4">',
    item(root, '  '),
    '</roblox>',
    '',
  ].join('\n');
}
