package org.yike.web.internal;

/** An answer whose HTTP status is not the one {@link ApiServlet} would choose (202 for a queued job). */
record Answer(int status, Object body) {
}
