/** An instance of a Roblox model file: class, name, a script's source, children. */
export interface RobloxInstance {
  className: 'Folder' | 'ModuleScript' | 'Script' | 'LocalScript';
  name: string;
  source?: string;
  /** Scripts in the model are examples; they start disabled so dropping the model in runs nothing unasked. */
  disabled?: boolean;
  children?: RobloxInstance[];
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** CDATA cannot hold "]]>"; it is split across two sections. */
const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/**
 * A Roblox XML model (.rbxmx, version 4) that Roblox Studio imports by drag and drop.
 * Referents are numbered in tree order, so the same instances give the same bytes.
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
