package cn.certflow.governance;

/**
 * The cases a version is checked against, and where they come from.
 *
 * @param source e.g. "部署资源 rules/grade-pcec.cases.json" or "grade-pcec v3 批准的用例"
 * @param json the cases file
 * @param fromDeployment whether they were deployed with the version (else inherited from
 * the version in force)
 */
record CasesToRun(String source, String json, boolean fromDeployment) {

}
