/** axe over every other built page (shard 1 of 2; see axe.ts). */
import { axeShard } from './axe.ts';

axeShard(1, 2);
