import { describe, expect, it } from "vitest";
import {
  isValidProjectCode,
  isValidResidentId,
  isValidUscc,
  maskIdentifier,
  maskPhone,
  maskSubjectCode,
  residentIdCheckChar,
  residentIdProblem,
  subjectCodeKind,
  usccCheckChar,
  usccProblem,
} from "./identifiers";

describe("统一社会信用代码 (GB 32100-2015)", () => {
  it("accepts valid codes (published example and demo codes)", () => {
    expect(isValidUscc("91350100M000100Y43")).toBe(true);
    expect(isValidUscc("91340321MA2T5ABC0H")).toBe(true);
  });
  it("names why a code is invalid", () => {
    expect(usccProblem("91340321ma2t5abc0h")).toBe("charset");
    expect(usccProblem("91340321MA2T5ABC0")).toBe("length");
    expect(usccProblem("91340321MA2T5ABC0X")).toBe("check");
    expect(usccProblem("91340321MA2T5ABCOH")).toBe("charset"); // letter O is not allowed
  });
});

describe("居民身份证号 (GB 11643-1999)", () => {
  it("accepts valid numbers, including the X check digit", () => {
    expect(isValidResidentId("340321198503122011")).toBe(true);
    expect(isValidResidentId("11010519491231002X")).toBe(true);
  });
  it("names why a number is invalid", () => {
    expect(residentIdProblem("11010519491231002x")).toBe("charset");
    expect(residentIdProblem("34032119850312201")).toBe("length");
    expect(residentIdProblem("340321198503122012")).toBe("check");
    expect(residentIdProblem("340321198502302011")).toBe("birthDate");
  });
});

describe("投资项目统一代码 and masking", () => {
  it("checks the project code shape", () => {
    expect(isValidProjectCode("2023-340321-30-03-012345")).toBe(true);
    expect(isValidProjectCode("2023-34032-30-03-012345")).toBe(false);
    expect(isValidProjectCode("202334032130030012345")).toBe(false);
  });
  it("masks the middle of identifiers and phones", () => {
    expect(maskIdentifier("340321198503122011")).toBe("3403**********2011");
    expect(maskPhone("13805529876")).toBe("138****9876");
    expect(maskIdentifier("123")).toBe("***");
  });
});

describe("invalid examples, one per kind of mistake (issue 8)", () => {
  it("统一社会信用代码: lower case, wrong length, wrong check character, forbidden letters", () => {
    expect(usccProblem("91340321ma2t5abc0h")).toBe("charset"); // lower case is not the printed form
    expect(isValidUscc("91340321MA2T5ABC0H".toLowerCase())).toBe(false);
    expect(usccProblem("")).toBe("length");
    expect(usccProblem("91340321MA2T5ABC0HH")).toBe("length"); // 19 characters
    expect(usccProblem("91340321MA2T5ABC0")).toBe("length"); // 17 characters
    expect(usccProblem("91340321MA2T5ABC0J")).toBe("check");
    expect(usccProblem("91350100M000100Y44")).toBe("check");
    for (const letter of ["I", "O", "Z", "S", "V"]) {
      expect(usccProblem(`91340321MA2T5AB${letter}0H`)).toBe("charset");
    }
    expect(usccCheckChar("91340321MA2T5ABC0")).toBe("H");
    expect(usccCheckChar("too short")).toBeNull();
  });
  it("居民身份证号: lower-case x, wrong length, wrong check digit, impossible birth date", () => {
    expect(residentIdProblem("11010519491231002x")).toBe("charset");
    expect(residentIdProblem("34032119850312201")).toBe("length");
    expect(residentIdProblem("3403211985031220111")).toBe("length");
    expect(residentIdProblem("340321850312201")).toBe("length"); // old 15-digit numbers are not accepted
    expect(residentIdProblem("340321198503122019")).toBe("check");
    expect(residentIdProblem("11010519491231002Y")).toBe("charset");
    expect(residentIdProblem("340321189912312011")).toBe("birthDate");
    expect(residentIdCheckChar("34032119850312201")).toBe("1");
    expect(residentIdCheckChar("1101051949123100")).toBeNull();
  });
  it("names the kind of a subject code and masks only personal ones", () => {
    expect(subjectCodeKind("91340321MA2T5ABC0H")).toBe("uscc");
    expect(subjectCodeKind("340321198503122011")).toBe("resident_id");
    expect(subjectCodeKind("340321198503122012")).toBeNull();
    expect(maskSubjectCode("340321198503122011")).toBe("3403**********2011");
    expect(maskSubjectCode("91340321MA2T5ABC0H")).toBe("91340321MA2T5ABC0H");
  });
});
