import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig: CAIRN_DB_NAMED_STATEMENTS', () => {
  it('sends the hottest reads as named statements unless told not to', () => {
    expect(loadConfig({}).databaseNamedStatements).toBe(true);
    expect(loadConfig({ CAIRN_DB_NAMED_STATEMENTS: '' }).databaseNamedStatements).toBe(true);
    expect(loadConfig({ CAIRN_DB_NAMED_STATEMENTS: 'true' }).databaseNamedStatements).toBe(true);
    expect(loadConfig({ CAIRN_DB_NAMED_STATEMENTS: 'false' }).databaseNamedStatements).toBe(false);
  });

  it('refuses a value that is neither true nor false, naming the variable', () => {
    expect(() => loadConfig({ CAIRN_DB_NAMED_STATEMENTS: 'off' })).toThrow(/CAIRN_DB_NAMED_STATEMENTS must be true or false/);
  });
});
