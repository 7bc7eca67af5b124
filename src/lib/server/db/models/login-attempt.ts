import { Schema } from 'mongoose';
import { defineModel } from './model';

/**
 * Failed-login counters, one per key ("email:<address>" or "ip:<address>") and window.
 * Stored in the database so that every app instance throttles alike.
 */
const loginAttemptSchema = new Schema({
	_id: { type: String, required: true },
	failures: { type: Number, default: 0 },
	lockedUntil: { type: Date, default: null },
	expiresAt: { type: Date, required: true }
});

loginAttemptSchema.index({ expiresAt: 1 });

export const LoginAttempt = defineModel('LoginAttempt', loginAttemptSchema);
