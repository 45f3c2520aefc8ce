import { documentView, lineColumn, type BinaryFormat } from './descriptor.js';

/**
 * .rtf: not read. RTF is markup (control words, font tables, hex-escaped Chinese text); read as
 * plain text it gave a screenful of false findings. A clear refusal is better than a guess.
 */
export function looksLikeRtf(buf: Buffer): boolean {
  return buf.subarray(0, 5).toString('latin1') === '{\\rtf';
}

export const rtfFormat: BinaryFormat = {
  id: 'rtf',
  name: { 'zh-CN': 'RTF (.rtf)', en: 'RTF (.rtf)' },
  extensions: ['.rtf'],
  binary: true,
  refused: true,
  sniff: looksLikeRtf,
  parse: () =>
    Promise.resolve({
      ok: false,
      message: {
        'zh-CN': '不支持 .rtf 格式，未检查该文件；请在 Word 或 WPS 中另存为 .docx 后再检查',
        en: 'The .rtf format is not supported, so this file was not checked; save it as .docx in Word or WPS and check that',
      },
    }),
  position: lineColumn,
  ...documentView,
  fixes: 'manual',
  readme: {
    reads: 'not read: one fatal message asks for the file saved as `.docx` (RTF is markup; read as text it would give false findings)',
    positions: '—',
  },
};
