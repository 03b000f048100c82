/** Deterministic synthetic health system (sites, patients, encounters, observations, safety events) written as canonical CSV. */
package org.lhs.qi.generate;
