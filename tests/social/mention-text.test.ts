import { describe, expect, it } from 'vitest';
import { excerpt, mentionedIds, plainText } from '../../src/server/services/social/mentions.js';
import { matchingPeople, segments, toBody, toEditable, typedMention } from '../../src/web/components/social/mention-text.js';

const ann = { id: 'u-ann', name: 'Ann' };
const annLee = { id: 'u-ann-lee', name: 'Ann Lee' };
const grace = { id: 'u_grace-1', name: 'Grace Hopper' };

describe('mention tokens', () => {
  it('the server reads each mentioned person once, in order, and renders tokens as @Name', () => {
    const body = `@[Grace Hopper](u_grace-1) and @[Ann](u-ann), again @[Grace Hopper](u_grace-1); not @[Broken](has space) nor @Ann`;
    expect(mentionedIds(body)).toEqual(['u_grace-1', 'u-ann']);
    expect(plainText(body)).toBe('@Grace Hopper and @Ann, again @Grace Hopper; not @[Broken](has space) nor @Ann');
    expect(excerpt(`${'word '.repeat(40)}\n\n@[Ann](u-ann)`, 20)).toBe('word word word word…');
  });

  it('the web turns picked names into tokens, longest name first, and back for editing', () => {
    const text = 'Hi @Ann Lee and @Ann, cc @Grace Hopper. Email ann@Ann is not a mention';
    const body = toBody(text, [ann, annLee, grace]);
    expect(body).toBe('Hi @[Ann Lee](u-ann-lee) and @[Ann](u-ann), cc @[Grace Hopper](u_grace-1). Email ann@Ann is not a mention');
    expect(mentionedIds(body)).toEqual(['u-ann-lee', 'u-ann', 'u_grace-1']);
    expect(toEditable(body)).toEqual({ text, people: [annLee, ann, grace] });
    expect(toBody('@Annabel is someone else', [ann])).toBe('@Annabel is someone else');
    expect(segments('a @[Ann](u-ann) b')).toEqual([{ text: 'a ' }, { mention: ann }, { text: ' b' }]);
  });

  it('finds the @-name being typed at the caret and the people it could mean', () => {
    expect(typedMention('Hello @Gra', 10)).toEqual({ start: 6, query: 'Gra' });
    expect(typedMention('@Grace H', 8)).toEqual({ start: 0, query: 'Grace H' });
    expect(typedMention('@', 1)).toEqual({ start: 0, query: '' });
    expect(typedMention('mail@Gra', 8)).toBeNull();
    expect(typedMention('@Grace Hopper thanks', 20)).toBeNull();
    expect(matchingPeople([ann, annLee, grace], 'lee')).toEqual([annLee]);
    expect(matchingPeople([ann, annLee, grace], 'an')).toEqual([ann, annLee]);
    expect(matchingPeople([ann, annLee, grace], 'Grace H')).toEqual([grace]);
  });
});
