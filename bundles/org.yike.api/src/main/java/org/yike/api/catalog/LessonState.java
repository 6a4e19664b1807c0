package org.yike.api.catalog;

/** Where a lesson is: to be recorded, recording, recorded whole or in part, or failed. */
public enum LessonState { SCHEDULED, RECORDING, FINISHED, PARTIAL, FAILED }
