package cn.certflow.web;

/**
 * A code that knows its own Chinese title (a document type, say): the page frame shows
 * the title without depending on the package that owns the code.
 */
public interface Titled {

	String title();

}
