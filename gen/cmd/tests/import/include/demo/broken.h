/* Does not compile anywhere: an unknown type. */
struct broken { unknown_t x; };
