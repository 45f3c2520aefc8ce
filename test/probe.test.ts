import { test, expect } from '@jest/globals';
import { probe } from '../src/probe.js';
test('probe', () => { expect(probe('# a\n\n|a|b|\n|-|-|\n|1|2|\n')).toBe(3); });
