package cn.certflow.clientapi;

import java.util.List;

import cn.certflow.application.ApplicationRequest;

/**
 * An application as a client sends it to {@code POST /api/client/applications}: the
 * fields of the staff API's {@code POST /api/applications} without {@code creditCode},
 * which is the calling account's (a body naming one is refused as an unknown field).
 */
record ClientApplicationRequest(String clientName, String clientAddress, String legalStatus, String schemeId,
		Integer requestedStars, String technicalArea, List<String> categories, List<String> sites, Integer headcount,
		List<String> documents, String contactEmail) {

	ApplicationRequest withCreditCode(String creditCode) {
		return new ApplicationRequest(this.clientName, this.clientAddress, creditCode, this.legalStatus, this.schemeId,
				this.requestedStars, this.technicalArea, this.categories, this.sites, this.headcount, this.documents,
				this.contactEmail);
	}

}
