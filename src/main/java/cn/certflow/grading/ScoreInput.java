package cn.certflow.grading;

/**
 * Typed score input read from the scoring form: {@link PcecScoreInput} or
 * {@link CqmFacts}.
 */
public sealed interface ScoreInput permits PcecScoreInput, CqmFacts {

}
