/** axe over every other built page (shard 2 of 2; see axe.ts). */
import { axeShard } from './axe.ts';

axeShard(2, 2);
