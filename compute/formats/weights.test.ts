import { describe, expect, it } from 'vitest';
import { initPhoenixParams } from '../model/init';
import { fullMasks } from '../model/params';
import { Random } from '../random';
import { FormatError } from './errors';
import { parseModelWeights, serializeModel, WEIGHTS_FORMAT } from './weights';

describe('model weights file', () => {
  const params = initPhoenixParams(4, 3, new Random(1));
  const masks = fullMasks(4, 3);
  masks.As[5] = 0;
  const genes = ['a', 'b', 'c', 'd'];

  it('round-trips through JSON text, writing pruned weights as exact zeros', () => {
    const model = serializeModel(params, masks, genes);
    expect(model.format).toBe(WEIGHTS_FORMAT);
    expect(model.parameters.As.shape).toEqual([4, 3]);
    expect(model.parameters.As.data[5]).toBe(0);
    const back = parseModelWeights(JSON.stringify(model));
    expect(back.genes).toEqual(genes);
    expect(Array.from(back.params.Ws)).toEqual(Array.from(params.Ws));
    expect(Array.from(back.masks.As)).toEqual(Array.from(masks.As));
    expect(back.params.As[5]).toBe(0);
  });

  it('says what is wrong with a bad file', () => {
    const model = serializeModel(params, null, genes);
    expect(() => parseModelWeights('{oops')).toThrow(FormatError);
    expect(() => parseModelWeights({ ...model, format: 'other' })).toThrow(/format/);
    const short = JSON.parse(JSON.stringify(model));
    short.parameters.Wp.data.pop();
    expect(() => parseModelWeights(short)).toThrow(/Wp has 11 values for shape 3×4/);
    const shape = JSON.parse(JSON.stringify(model));
    shape.parameters.As.shape = [3, 4];
    expect(() => parseModelWeights(shape)).toThrow(/As has shape 3×4, expected 4×3/);
    expect(() => serializeModel(params, null, ['a'])).toThrow(/1 gene names for a model of 4 genes/);
  });
});
