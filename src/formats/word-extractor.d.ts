// word-extractor ships no types for the modules src/formats/doc.ts builds on (its OLE reader,
// the Word extractor class, and the buffer reader); doc.ts declares the parts it uses.
declare module 'word-extractor/lib/word-ole-extractor.js' {
  const WordOleExtractor: unknown;
  export default WordOleExtractor;
}
declare module 'word-extractor/lib/buffer-reader.js' {
  const BufferReader: unknown;
  export default BufferReader;
}
declare module 'word-extractor/lib/ole-allocation-table.js' {
  const AllocationTable: unknown;
  export default AllocationTable;
}
