package cn.certflow.grading;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schemes as data: schemes.json and the sheets it names; malformed sheets fail at start.
 */
class SchemeCatalogTest {

	private static final String HEADER = "item_id,category,category_points,indicator,indicator_points,points,requirement\n";

	@Test
	void shouldDeclareTheThreeSchemes() {
		SchemeCatalog catalog = new SchemeCatalog();
		assertThat(catalog.all()).extracting(Scheme::id).containsExactly("PCEC", "ZHHT", "CQM");
		Scheme pcec = catalog.get("PCEC");
		assertThat(pcec.ruleDocument()).contains("ZCXH/XZ-19-2025");
		assertThat(pcec.ruleVersion()).isEqualTo("V1.0");
		assertThat(pcec.standard()).isEqualTo("GB/T 27922-2011");
		assertThat(pcec.sheet().items()).hasSize(49);
		assertThat(pcec.gradingDecisionKey()).isEqualTo("grade-pcec");
		assertThat(pcec.scoringFormKey()).isEqualTo("audit-scoring-pcec");
		assertThat(pcec.labels()).containsEntry(0, "不合格").containsEntry(2, "达标级").containsEntry(5, "五星级");
		Scheme zhht = catalog.get("ZHHT");
		assertThat(zhht.sheet()).isEqualTo(pcec.sheet());
		assertThat(zhht.ruleDocument()).contains("北京中汇恒泰");
		assertThat(zhht.gradingDecisionKey()).isEqualTo("grade-pcec");
		Scheme cqm = catalog.get("CQM");
		assertThat(cqm.ruleDocument()).contains("CQM/F-RZ-ZY-06-001");
		assertThat(cqm.sheet().items()).extracting(SheetItem::points).containsExactly(10, 15, 10, 25, 15, 7, 8, 10);
		assertThat(cqm.gradingDecisionKey()).isEqualTo("grade-cqm");
		assertThat(cqm.scoringFormKey()).isEqualTo("audit-scoring-cqm");
		assertThat(cqm.labels()).containsEntry(1, "一星级");
	}

	@Test
	void shouldNameAnUnknownScheme() {
		assertThatThrownBy(() -> new SchemeCatalog().get("XYZ")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("XYZ");
	}

	@Test
	void shouldReadAWellFormedSheet() {
		ScoreSheet sheet = parse(HEADER + "A1.1,体系,3,组织,3,1,\"要求, 带逗号\"\nA1.2,体系,3,组织,3,2,要求\n", 3);
		assertThat(sheet.items()).extracting(SheetItem::id).containsExactly("A1.1", "A1.2");
		assertThat(sheet.items().get(0).requirement()).isEqualTo("要求, 带逗号");
	}

	@Test
	void shouldNameFileAndLineOfABadNumber() {
		assertThatThrownBy(() -> parse(HEADER + "A1.1,体系,3,组织,3,1,r\nA1.2,体系,3,组织,3,x,r\n", 3))
			.isInstanceOf(SchemeDefinitionException.class)
			.hasMessageContaining("sheet.csv line 3")
			.hasMessageContaining("'x'");
	}

	@Test
	void shouldNameAMissingColumn() {
		assertThatThrownBy(() -> parse("item_id,category,category_points,indicator,indicator_points,requirement\n", 3))
			.hasMessageContaining("sheet.csv line 1")
			.hasMessageContaining("points");
		assertThatThrownBy(() -> parse(HEADER + "A1.1,体系,3,组织,3,1\n", 1)).hasMessageContaining("line 2")
			.hasMessageContaining("columns");
	}

	@Test
	void shouldNameADuplicateId() {
		assertThatThrownBy(() -> parse(HEADER + "A1.1,体系,2,组织,2,1,r\nA1.1,体系,2,组织,2,1,r\n", 2))
			.hasMessageContaining("line 3")
			.hasMessageContaining("duplicate id 'A1.1'");
	}

	@Test
	void shouldRefusePointsThatDoNotAddUp() {
		assertThatThrownBy(() -> parse(HEADER + "A1.1,体系,4,组织,4,1,r\nA1.2,体系,4,组织,4,2,r\n", 3))
			.hasMessageContaining("line 2")
			.hasMessageContaining("states 4 points but its items add up to 3");
		assertThatThrownBy(() -> parse(HEADER + "A1.1,体系,3,组织,3,1,r\nA1.2,体系,3,组织,3,2,r\n", 100))
			.hasMessageContaining("line 3")
			.hasMessageContaining("stated total is 100");
	}

	private static ScoreSheet parse(String csv, int total) {
		return SheetParser.parse("sheet.csv", new StringReader(csv), ScoringMethod.GBT27922_SHEET, total);
	}

}
