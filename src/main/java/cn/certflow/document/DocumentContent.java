package cn.certflow.document;

/** A document with its bytes and its owner, as it is handed out. */
public record DocumentContent(DocumentOwner owner, DocumentInfo info, byte[] content) {
}
