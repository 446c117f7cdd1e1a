package cn.certflow.grading;

/**
 * Score of one GB/T 27922 item: earned points, or not applicable (不适用).
 */
public record ItemScore(boolean applicable, int earned) {

	private static final ItemScore NOT_APPLICABLE = new ItemScore(false, 0);

	public static ItemScore of(int earned) {
		return new ItemScore(true, earned);
	}

	public static ItemScore notApplicable() {
		return NOT_APPLICABLE;
	}

}
