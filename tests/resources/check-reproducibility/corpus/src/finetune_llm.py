"""LoRA fine-tuning of an in-house LLM (社内 LLM の LoRA 微調整)."""
import json
import random

from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, AutoTokenizer, set_seed

BASE_MODEL = "/home/taro/models/llama-3-8b"


def main():
    set_seed(0)
    with open("data/processed/instructions.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    eval_rows = random.sample(rows, 100)
    tokenizer = AutoTokenizer.from_pretrained(BASE_MODEL, cache_dir="~/.cache/huggingface")
    model = AutoModelForCausalLM.from_pretrained(BASE_MODEL)
    model = get_peft_model(model, LoraConfig(r=16, lora_alpha=32))
    print(len(eval_rows), tokenizer.eos_token, model.num_parameters())


if __name__ == "__main__":
    main()
