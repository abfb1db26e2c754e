import { basename } from 'node:path';
import { GgufInsights, type GgufFileInfo, type Llama } from 'node-llama-cpp';
import type { ContextSize, GpuLayers } from '../../../preload/api';
import { AppError } from '../app-error';

/** What the fit check learned about the model that loading needs again. */
export interface ModelShape {
  totalLayers: number;
  trainContextSize: number | null;
}

const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;

/**
 * Asks node-llama-cpp's estimates (GgufInsights) whether the model fits this machine
 * with the requested GPU layers and context size, before anything is allocated. When it
 * does not, the error names what it would need and a configuration that does fit.
 */
export async function checkFit(
  llama: Llama,
  path: string,
  info: GgufFileInfo,
  request: { gpuLayers: GpuLayers; contextSize: ContextSize },
): Promise<ModelShape> {
  const insights = await GgufInsights.from(info, llama);
  const resolver = insights.configurationResolver;
  const wanted = await resolver.resolveAndScoreConfig({
    targetGpuLayers: request.gpuLayers === 'auto' ? undefined : request.gpuLayers,
    targetContextSize: request.contextSize === 'auto' ? undefined : request.contextSize,
  });
  if (wanted.compatibilityScore > 0) return { totalLayers: insights.totalLayers, trainContextSize: insights.trainContextSize ?? null };

  const [ram, vram] = await Promise.all([llama.getRamState(), llama.getVramState()]);
  const needs = wanted.resolvedValues;
  const gpuPart = needs.totalVramUsage > 0 ? ` and ${gib(needs.totalVramUsage)} of GPU memory (${gib(vram.free)} free)` : '';
  let advice = ' Try a smaller model or a smaller quantization.';
  if (request.gpuLayers !== 'auto' || request.contextSize !== 'auto') {
    const fallback = await resolver.resolveAndScoreConfig({});
    if (fallback.compatibilityScore > 0) {
      const { gpuLayers, contextSize } = fallback.resolvedValues;
      const layers = llama.gpu === false ? '' : `${gpuLayers} GPU layers and `;
      advice = ` Try ${layers}a context of ${contextSize} tokens, or "auto".`;
    }
  }
  throw new AppError(
    'invalid_input',
    `${basename(path)} does not fit in memory with ${request.gpuLayers} GPU layers and a context of ${request.contextSize} tokens: ` +
      `it needs about ${gib(needs.totalRamUsage)} of RAM (${gib(ram.free)} free)${gpuPart}.${advice}`,
  );
}
