/** Database access helpers: connection settings from the environment, embedded PostgreSQL, schema migration. */
package org.lhs.qi.db;
