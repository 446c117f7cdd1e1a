package cn.certflow.application;

import java.util.List;

/**
 * What a confirmed change of a client's name or address means for the certificates it
 * holds: a change request per certificate in force (PCEC 12.1(1) name, 12.1(2) premises),
 * reviewed and reissued on the certificate's lifecycle. Implemented by the certificate
 * package, which the application package does not depend on.
 */
public interface HolderCertificates {

	/**
	 * One line per certificate of the client in force that the difference concerns,
	 * saying what confirming starts.
	 */
	List<String> concerned(ClientDifference difference);

	/**
	 * Starts it for each certificate concerned, in the caller's transaction: one line per
	 * certificate, what was done.
	 */
	List<String> requestChanges(ClientDifference difference, String by);

}
