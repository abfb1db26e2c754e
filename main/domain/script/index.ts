/** Script items: their versioned data record and the folders that organize them. */
export * from './script-record';
export * from './folder-path';
export * from './folder-tree';
