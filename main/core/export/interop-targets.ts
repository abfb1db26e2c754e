import { exportTwee } from '../../domain/interop/twee';
import { exportYarn } from '../../domain/interop/yarn-export';
import { uniqueNames, type ExportTarget } from './export-target';

/** One Yarn Spinner script per dialogue. */
export const exportYarnTarget: ExportTarget = {
  folder: 'yarn',
  build: ({ pack }) => {
    const names = uniqueNames(pack.dialogues);
    return pack.dialogues.map((d) => ({ path: `${names.get(d.id)}.yarn`, data: exportYarn(d) }));
  },
};

/** One Twee 3 story (SugarCube) per dialogue. */
export const exportTweeTarget: ExportTarget = {
  folder: 'twee',
  build: ({ pack }) => {
    const names = uniqueNames(pack.dialogues);
    return pack.dialogues.map((d) => ({ path: `${names.get(d.id)}.twee`, data: exportTwee(d) }));
  },
};
