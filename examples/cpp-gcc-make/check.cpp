#define WORDFREQ_TEST
#include "wordfreq.cpp"
int main() { return most_frequent("a b a").second == 2 ? 0 : 1; }
