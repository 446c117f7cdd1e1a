package cn.certflow.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an application's client (name, address, legal status as applied) differs from the
 * client on record under the same credit code (R-ID-1). The reviewer of the application
 * sees both and decides.
 */
public record ClientDifference(ClientRecord onRecord, ApplicationRecord application) {

	public boolean nameDiffers() {
		return !Objects.equals(this.onRecord.name(), this.application.clientName());
	}

	public boolean addressDiffers() {
		return !Objects.equals(this.onRecord.address(), this.application.clientAddress());
	}

	public boolean legalStatusDiffers() {
		return !Objects.equals(this.onRecord.legalStatus(), this.application.legalStatus());
	}

	public boolean any() {
		return nameDiffers() || addressDiffers() || legalStatusDiffers();
	}

	public String creditCode() {
		return this.onRecord.creditCode();
	}

	/** What differs, in the reviewer's words: "名称、地址". */
	public String fields() {
		List<String> fields = new ArrayList<>();
		if (nameDiffers()) {
			fields.add("名称");
		}
		if (addressDiffers()) {
			fields.add("地址");
		}
		if (legalStatusDiffers()) {
			fields.add("法律地位");
		}
		return String.join("、", fields);
	}

}
