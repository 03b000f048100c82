package org.lhs.qi.summarise;

import java.util.List;

/**
 * The demographic stratifiers every indicator is broken down by. The column names are a fixed whitelist:
 * they are the only identifiers the summarise SQL interpolates.
 */
public enum Stratifier {
    SEX("sex"), RACE("race"), ETHNICITY("ethnicity"), AGE_BAND("age_band"), PAYER("payer"),
    LANGUAGE("language"), DEPRIVATION("deprivation");

    /** The stratifier name in {@code qi.result} and the column name in {@code qi.member}. */
    public final String column;

    Stratifier(String column) {
        this.column = column;
    }

    public static List<Stratifier> all() {
        return List.of(values());
    }
}
