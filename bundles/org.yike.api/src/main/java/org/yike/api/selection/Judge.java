package org.yike.api.selection;

/** A judge (a user with the judge role) and their school; {@code school} null for a judge of a region, of no school. */
public record Judge(String name, String school) {
}
