package cn.certflow.application;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
 * 31-character alphabet (no I, O, Z, S, V), the last one a check character over the first
 * 17 (weights 3^i mod 31).
 */
public final class CreditCode {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCode() {
	}

	/** Why the code is invalid, or null when it is valid. */
	public static String problem(String code) {
		if (code == null || code.length() != 18) {
			return "must be 18 characters (GB 32100)";
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = ALPHABET.indexOf(code.charAt(i));
			if (value < 0) {
				return "character " + (i + 1) + " '" + code.charAt(i) + "' is not allowed (GB 32100)";
			}
			sum += value * WEIGHTS[i];
		}
		if (!Character.isDigit(code.charAt(2)) || !code.substring(2, 8).chars().allMatch(Character::isDigit)) {
			return "characters 3-8 must be the administrative division code (digits)";
		}
		char expected = checkCharacter(sum);
		if (code.charAt(17) != expected) {
			return "check character is '" + code.charAt(17) + "' but should be '" + expected + "' (GB 32100)";
		}
		return null;
	}

	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return checkCharacter(sum);
	}

	private static char checkCharacter(int weightedSum) {
		int check = (31 - weightedSum % 31) % 31;
		return ALPHABET.charAt(check);
	}

}
