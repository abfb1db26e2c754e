import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { GgufFileInfo, GgufTensorInfo } from 'node-llama-cpp';
import { AppError, toAppError } from '../app-error';

/** What the model library shows about a GGUF file. */
export interface GgufSummary {
  architecture: string;
  name: string;
  parameterCount: number;
  quantization: string;
  contextLength: number | null;
  sizeBytes: number;
  chatTemplate: string | null;
}

/**
 * node-llama-cpp takes most of a second to import, so the main process loads it on the
 * first model operation instead of at startup.
 */
const llamaModule = () => import('node-llama-cpp');

/** [values per block, bytes per block] of the tensor types llama.cpp writes, by ggml type name (ggml's type traits). */
const BLOCK_LAYOUT: Record<string, readonly [number, number]> = {
  F32: [1, 4],
  F16: [1, 2],
  BF16: [1, 2],
  F64: [1, 8],
  I8: [1, 1],
  I16: [1, 2],
  I32: [1, 4],
  I64: [1, 8],
  Q4_0: [32, 18],
  Q4_1: [32, 20],
  Q5_0: [32, 22],
  Q5_1: [32, 24],
  Q8_0: [32, 34],
  Q8_1: [32, 36],
  IQ4_NL: [32, 18],
  MXFP4: [32, 17],
  Q2_K: [256, 84],
  Q3_K: [256, 110],
  Q4_K: [256, 144],
  Q5_K: [256, 176],
  Q6_K: [256, 210],
  Q8_K: [256, 292],
  IQ2_XXS: [256, 66],
  IQ2_XS: [256, 74],
  IQ2_S: [256, 82],
  IQ3_XXS: [256, 98],
  IQ3_S: [256, 110],
  IQ1_S: [256, 50],
  IQ1_M: [256, 56],
  IQ4_XS: [256, 136],
  TQ1_0: [256, 54],
  TQ2_0: [256, 66],
};

const invalid = (path: string, why: string) =>
  new AppError('invalid_input', `${basename(path)} is not a usable GGUF model: ${why}`);

/**
 * Reads a GGUF file's header and checks it against the file's real size. The reader
 * alone accepts a file cut short (it reads past the end as zeros), and llama.cpp only
 * notices when it loads, so the size check is what turns a half-downloaded file into a
 * clear error before anything is copied or loaded.
 */
export async function readGgufChecked(path: string): Promise<{ info: GgufFileInfo; sizeBytes: number }> {
  let sizeBytes: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw invalid(path, 'it is not a file');
    sizeBytes = stat.size;
  } catch (error) {
    throw toAppError(error);
  }
  if (sizeBytes === 0) throw invalid(path, 'the file is empty');
  const { GgmlType, readGgufFileInfo } = await llamaModule();
  let info: GgufFileInfo;
  try {
    info = await readGgufFileInfo(path, { logWarnings: false, spliceSplitFiles: false });
  } catch (error) {
    throw invalid(path, describeReadError(error));
  }
  const headerEnd = info.infoEndOffset ?? 0;
  if (headerEnd > sizeBytes) throw invalid(path, `the header is cut short (the file ends at byte ${sizeBytes} of at least ${headerEnd})`);
  const dataEnd = tensorDataEnd(info, (type) => GgmlType[type]);
  if (dataEnd > sizeBytes) {
    throw invalid(path, `the file is truncated: its tensors need ${dataEnd} bytes but it has ${sizeBytes} (an interrupted download or copy?)`);
  }
  if (typeof info.metadata?.general?.architecture !== 'string') throw invalid(path, 'it names no model architecture');
  return { info, sizeBytes };
}

function describeReadError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/magic/i.test(message)) return 'it does not start with the GGUF signature';
  if (error instanceof RangeError) return `it declares impossible sizes or counts (${message})`;
  return message;
}

const elementCount = (tensor: GgufTensorInfo) => tensor.dimensions.reduce<number>((n, d) => n * Number(d), 1);

/** The byte just past the last tensor's data; tensors of unknown types count from their offset only. */
function tensorDataEnd(info: GgufFileInfo, typeName: (type: number) => string | undefined): number {
  let end = info.infoEndOffset ?? 0;
  for (const tensor of info.tensorInfo ?? []) {
    const layout = BLOCK_LAYOUT[typeName(tensor.ggmlType) ?? ''];
    const bytes = layout ? Math.ceil(elementCount(tensor) / layout[0]) * layout[1] : 0;
    end = Math.max(end, Number(tensor.fileOffset) + bytes);
  }
  return end;
}

/**
 * A token string that occurs twice in the vocabulary, if any. llama.cpp asserts on such
 * a vocabulary and aborts the whole process, so the library refuses these files.
 */
export function findDuplicateToken(info: GgufFileInfo): string | null {
  const tokens = info.metadata?.tokenizer?.ggml?.tokens;
  if (!Array.isArray(tokens)) return null;
  const seen = new Set<string>();
  for (const token of tokens) {
    if (seen.has(token)) return token;
    seen.add(token);
  }
  return null;
}

/**
 * What a model is called: the GGUF's `general.name` when it names the model, else the file
 * name. Converters often write the architecture there ("llama"), which tells two models
 * apart no better than nothing.
 */
export function modelName(general: { name?: string; architecture?: string }, path: string): string {
  const name = general.name?.trim();
  const namesModel = name && name.toLowerCase() !== general.architecture?.toLowerCase();
  return namesModel ? name : basename(path).replace(/\.gguf$/i, '');
}

export async function summarizeGguf(path: string, info: GgufFileInfo, sizeBytes: number): Promise<GgufSummary> {
  const { GgufFileType } = await llamaModule();
  const fileType = info.metadata.general.file_type;
  const typeName = fileType === undefined ? undefined : GgufFileType[fileType];
  return {
    architecture: info.metadata.general.architecture,
    name: modelName(info.metadata.general, path),
    parameterCount: (info.tensorInfo ?? []).reduce((sum, t) => sum + elementCount(t), 0),
    quantization: typeName ? typeName.replace(/^(MOSTLY|ALL)_/, '') : 'unknown',
    contextLength: info.architectureMetadata.context_length ?? null,
    sizeBytes,
    chatTemplate: info.metadata.tokenizer?.chat_template ?? null,
  };
}
