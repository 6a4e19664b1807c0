package org.yike.api.selection;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The lesson contests of the district (优课评选). A contest runs its rounds in order (一审, 二审, 三审):
 * schools nominate lessons into the first; {@link #assign} gives every entry of a round two judges, never
 * from the entry's school, the load spread evenly; judges see their entries blind ({@link BlindEntry}: no
 * teacher, no school) and score them; where the two scores differ by more than the contest's threshold a
 * third judge is assigned at once. {@link #ranking}: by the weighted mean of an entry's scores (each of the
 * first two judges once, a third judge twice: their score decides as much as the two together); on equal
 * means the entry whose scores agree more (the smaller spread) first; equal in both, the same rank.
 * {@link #close} takes the top of a round on to the next (all entries tied at the last place going on
 * together) and, after the last round, closes the contest: then each teacher reads the judges' comments.
 * Mistakes a caller can fix come as {@link IllegalArgumentException}, calls out of turn as
 * {@link IllegalStateException}, each saying why.
 */
@ProviderType
public interface Selection {

    Contest create(NewContest contest, String by);

    List<Contest> contests();

    Optional<Contest> contest(String id);

    /** A lesson of the catalog nominated into the contest's first round, its school and teacher as the catalog has them. */
    Entry nominate(String contest, String lesson, String by);

    /** The entries of a round, in the order they came in. */
    List<Entry> entries(String contest, int round);

    /** Gives each entry of the round that has none its two judges, from these; answers every assignment of the round. */
    List<Assignment> assign(String contest, int round, List<Judge> judges);

    /** What a judge has to score in the contest's current round, blind. */
    List<BlindEntry> assigned(String contest, String judge);

    /** A judge's score of an entry assigned to them (from 0 to the contest's {@code maxScore}), with a comment for the teacher. */
    Score score(String contest, String entry, String judge, double score, String comment);

    /** The round's entries ranked; those not fully scored yet come last, without a rank. */
    List<Ranked> ranking(String contest, int round);

    /** Ends the round once every entry is fully scored: its top go on to the next round, or the contest closes. */
    List<Ranked> close(String contest, int round);

    /** The judges' comments on a lesson's entries, for its teacher, once the contest has closed. */
    List<String> comments(String contest, String lesson);
}
