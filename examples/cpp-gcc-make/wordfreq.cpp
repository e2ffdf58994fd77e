// Prints the most frequent word of its arguments and how often it occurs.
#include <iostream>
#include <map>
#include <sstream>
#include <string>

std::pair<std::string, int> most_frequent(const std::string& text) {
    std::map<std::string, int> counts;
    std::istringstream in(text);
    std::string w;
    std::pair<std::string, int> best{"", 0};
    while (in >> w) {
        int n = ++counts[w];
        if (n > best.second) best = {w, n};
    }
    return best;
}

#ifndef WORDFREQ_TEST
int main(int argc, char** argv) {
    std::string text;
    for (int i = 1; i < argc; ++i) text += std::string(argv[i]) + " ";
    auto [word, n] = most_frequent(text);
    std::cout << "most frequent: " << word << " x" << n << std::endl;
    return 0;
}
#endif
