import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import * as cheerio from 'cheerio';
export function probe(s: string): number { const t = unified().use(remarkParse).use(remarkGfm).parse(s); return t.children.length + cheerio.load('<p>x</p>')('p').length; }
